package io.releasepilot.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds test archives entry by entry, including the hostile kinds a real tool would refuse to make. */
public final class Archives {
    public static final String HEADER = """
            /*
             * Licensed to the Apache Software Foundation (ASF) under one
             * or more contributor license agreements.  See the NOTICE file
             * distributed with this work for additional information
             * regarding copyright ownership.  The ASF licenses this file
             * to you under the Apache License, Version 2.0 (the
             * "License"); you may not use this file except in compliance
             * with the License.  You may obtain a copy of the License at
             *
             *   http://www.apache.org/licenses/LICENSE-2.0
             *
             * Unless required by applicable law or agreed to in writing,
             * software distributed under the License is distributed on an
             * "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
             * KIND, either express or implied.  See the License for the
             * specific language governing permissions and limitations
             * under the License.
             */
            """;

    private Archives() {
    }

    /** The files of a clean source release under {@code top}/: LICENSE, NOTICE of this year, headed sources. */
    public static Map<String, byte[]> cleanTree(String top) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(top + "/LICENSE", Files.readAllBytes(Path.of("LICENSE")));
        files.put(top + "/NOTICE", ("Apache Demo\nCopyright " + Year.now().getValue()
                + " The Apache Software Foundation\n\nThis product includes software developed at\n"
                + "The Apache Software Foundation (http://www.apache.org/).\n").getBytes(StandardCharsets.UTF_8));
        files.put(top + "/src/main/java/Demo.java", (HEADER + "public class Demo {}\n").getBytes(StandardCharsets.UTF_8));
        files.put(top + "/src/main/java/Util.java", (HEADER + "class Util {}\n").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    public static void tarGz(Path target, Map<String, byte[]> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(target);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
    }

    /** A tar.gz with one symbolic link {@code link} → {@code target} beside {@code files}. */
    public static void tarGzWithLink(Path archive, Map<String, byte[]> files, String link, String target)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            TarArchiveEntry l = new TarArchiveEntry(link, TarArchiveEntry.LF_SYMLINK, true);
            l.setLinkName(target);
            tar.putArchiveEntry(l);
            tar.closeArchiveEntry();
        }
    }

    /** A tar.gz holding {@code top}/zeros with {@code size} zero bytes: tiny compressed, huge unpacked. */
    public static void bomb(Path archive, String top, long size) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry(top + "/zeros", true);
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            byte[] zeros = new byte[1 << 20];
            for (long done = 0; done < size; done += zeros.length) {
                tar.write(zeros, 0, (int) Math.min(zeros.length, size - done));
            }
            tar.closeArchiveEntry();
        }
    }

    public static void zip(Path target, Map<String, byte[]> files) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                zip.putArchiveEntry(entry);
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
    }
}
