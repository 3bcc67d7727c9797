package io.releasepilot.verify;

import io.releasepilot.core.ReleasePilotException;
import org.apache.rat.OptionCollection;
import org.apache.rat.ReportConfiguration;
import org.apache.rat.Reporter;
import org.apache.rat.api.RatException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks license headers with the Apache RAT library, as {@code apache-rat-plugin} does: RAT's standard
 * excludes, plus the patterns of a {@code .rat-excludes} file at the top of the tree.
 */
public final class LicenseHeaderScan {
    public static final String EXCLUDES_FILE = ".rat-excludes";

    private LicenseHeaderScan() {
    }

    /** The files (relative, with '/') that RAT finds without an approved license header. */
    public static List<String> unapproved(Path root) throws ReleasePilotException {
        List<String> args = new ArrayList<>(List.of("--input-exclude-std", "STANDARD_PATTERNS", "STANDARD_SCMS",
                "MISC", "MAC", "--input-exclude", EXCLUDES_FILE));
        Path excludes = root.resolve(EXCLUDES_FILE);
        if (Files.isRegularFile(excludes)) {
            args.add("--input-exclude-file");
            args.add(excludes.toString());
        }
        args.add("--");
        args.add(root.toString());
        try {
            ReportConfiguration config = OptionCollection.parseCommands(root.toFile(), args.toArray(String[]::new),
                    options -> { });
            Reporter reporter = new Reporter(config);
            reporter.execute();
            List<String> files = new ArrayList<>();
            NodeList resources = reporter.getDocument().getElementsByTagName("resource");
            for (int i = 0; i < resources.getLength(); i++) {
                Element resource = (Element) resources.item(i);
                NodeList licenses = resource.getElementsByTagName("license");
                for (int j = 0; j < licenses.getLength(); j++) {
                    if ("false".equals(((Element) licenses.item(j)).getAttribute("approval"))) {
                        String name = resource.getAttribute("name");
                        files.add(name.startsWith("/") ? name.substring(1) : name);
                        break;
                    }
                }
            }
            return files;
        } catch (IOException | RatException | RuntimeException e) {
            throw new ReleasePilotException("The license-header check (Apache RAT) failed on " + root + ": "
                    + e.getMessage(), "Check the archive's .rat-excludes file; the other checks are unaffected.", e);
        }
    }
}
