package io.releasepilot.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.Json;
import io.releasepilot.pgp.SignatureCheck;

/**
 * The verification report as one JSON object: {@code passed}, {@code artifacts[]} (name, signature, checksums)
 * and {@code findings[]}. Statuses are spelled as in {@link io.releasepilot.pgp.SignatureStatus} and
 * {@link ChecksumStatus}.
 */
public final class ReportJson {
    private ReportJson() {
    }

    public static ObjectNode toJson(VerifyReport report) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("passed", report.passed());
        root.put("outcome", report.outcome().name());
        report.notChecked().forEach(root.putArray("notChecked")::add);
        root.put("folder", report.folder().toString());
        root.put("keysFile", report.keysFile().map(Object::toString).orElse(null));
        root.put("keysCount", report.keysCount());
        ArrayNode artifacts = root.putArray("artifacts");
        for (ArtifactReport a : report.artifacts()) {
            ObjectNode node = artifacts.addObject();
            node.put("name", a.name());
            node.put("size", a.size());
            node.set("signature", signature(a.signature()));
            ArrayNode sums = node.putArray("checksums");
            for (ChecksumCheck c : a.checksums()) {
                ObjectNode sum = sums.addObject();
                sum.put("file", c.file());
                sum.put("algorithm", c.algorithm().displayName());
                sum.put("status", c.status().name());
            }
            a.archive().ifPresent(r -> {
                ObjectNode archive = node.putObject("archive");
                archive.put("topLevelFolder", r.topLevel());
                archive.put("entries", r.entries());
                archive.put("unpackedBytes", r.bytes());
                archive.put("licenseHeadersChecked", r.ratRan());
                r.binaries().forEach(archive.putArray("binaries")::add);
                r.unapprovedHeaders().forEach(archive.putArray("filesWithoutLicenseHeader")::add);
            });
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("severity", f.severity().name());
            node.put("file", f.file());
            node.put("message", f.message());
        }
        return root;
    }

    private static ObjectNode signature(SignatureCheck s) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("status", s.status().name());
        node.putNull("fingerprint");
        node.putNull("keyId");
        node.putNull("userId");
        node.putNull("created");
        node.putNull("hashAlgorithm");
        s.details().ifPresent(d -> {
            node.put("fingerprint", d.fingerprint().hex());
            node.put("keyId", d.keyId());
            node.put("userId", d.userId());
            node.put("created", d.created().toString());
            node.put("hashAlgorithm", d.hashAlgorithm());
            node.put("keyAlgorithm", d.keyAlgorithm());
            node.put("keyBits", d.keyBits());
        });
        if (s instanceof SignatureCheck.UnknownKey u) {
            node.put("keyId", u.keyId());
            if (!u.issuerFingerprint().isEmpty()) {
                node.put("fingerprint", u.issuerFingerprint());
            } else {
                node.remove("fingerprint");
            }
        }
        node.put("message", s.message());
        return node;
    }
}
