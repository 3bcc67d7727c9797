package io.releasepilot.svn;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads a WebDAV PROPFIND answer (Depth 1) into folder entries. The answer is a stranger's: no DTDs, no entities. */
final class Multistatus {
    private static final String DAV = "DAV:";
    private static final String SVN = "http://subversion.tigris.org/xmlns/dav/";

    private Multistatus() {
    }

    /** The entries below {@code folderPath} (the folder itself left out), sorted by name. */
    static List<DavStage.Entry> entries(String xml, String folderPath) throws SvnException {
        Document doc = parse(xml);
        String self = decode(folderPath).replaceAll("/+$", "");
        List<DavStage.Entry> out = new ArrayList<>();
        NodeList responses = doc.getElementsByTagNameNS(DAV, "response");
        for (int i = 0; i < responses.getLength(); i++) {
            Element r = (Element) responses.item(i);
            String href = decode(text(r, DAV, "href").strip()).replaceAll("/+$", "");
            boolean folder = r.getElementsByTagNameNS(DAV, "collection").getLength() > 0;
            if (href.equals(self) || href.isEmpty()) {
                if (!folder) {
                    throw new SvnException(SvnException.Reason.NOT_FOUND, DistUrls.escape(self) + " is a file, not a"
                            + " folder.", "Check the dist URL in the profile.");
                }
                continue;
            }
            String name = href.substring(href.lastIndexOf('/') + 1);
            String length = text(r, DAV, "getcontentlength").strip();
            String md5 = text(r, SVN, "md5-checksum").strip();
            long bytes;
            try {
                bytes = length.isEmpty() ? 0 : Long.parseLong(length);
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            out.add(new DavStage.Entry(name, folder, bytes, folder || md5.isEmpty() ? null : md5));
        }
        out.sort(Comparator.comparing(DavStage.Entry::name));
        return out;
    }

    private static String text(Element parent, String ns, String name) {
        NodeList l = parent.getElementsByTagNameNS(ns, name);
        Node n = l.getLength() == 0 ? null : l.item(0);
        return n == null ? "" : n.getTextContent();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static Document parse(String xml) throws SvnException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new SvnException(SvnException.Reason.OTHER, "The server's folder listing is not WebDAV XML: "
                    + DistUrls.escape(String.valueOf(e.getMessage())) + ".", "Check the dist URL; it must be a"
                    + " Subversion server.", e);
        }
    }
}
