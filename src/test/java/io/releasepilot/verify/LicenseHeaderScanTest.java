package io.releasepilot.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounded license-header check: RAT's verdicts, the project's own excludes, and a budget for every file. */
class LicenseHeaderScanTest {
    static final String ASF_HEADER = """
            /*
             * Licensed to the Apache Software Foundation (ASF) under one or more
             * contributor license agreements.  See the NOTICE file distributed with
             * this work for additional information regarding copyright ownership.
             * The ASF licenses this file to You under the Apache License, Version 2.0
             * (the "License"); you may not use this file except in compliance with
             * the License.  You may obtain a copy of the License at
             *
             *      http://www.apache.org/licenses/LICENSE-2.0
             *
             * Unless required by applicable law or agreed to in writing, software
             * distributed under the License is distributed on an "AS IS" BASIS,
             * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
             * See the License for the specific language governing permissions and
             * limitations under the License.
             */
            """;
    static final String BSD_HEADER = """
            /*
             * Copyright (c) 2001, Dr Martin Porter
             * All rights reserved.
             *
             * Redistribution and use in source and binary forms, with or without
             * modification, are permitted provided that the following conditions are met:
             * Redistributions of source code must retain the above copyright notice,
             * this list of conditions and the following disclaimer.
             * Redistributions in binary form must reproduce the above copyright notice,
             * this list of conditions and the following disclaimer in the documentation
             * and/or other materials provided with the distribution.
             * Neither the name of the copyright holders nor the names of its contributors
             * may be used to endorse or promote products derived from this software
             * without specific prior written permission.
             */
            """;

    @TempDir
    Path root;

    private Path write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void filesWithAndWithoutHeadersAreTold() throws Exception {
        write("src/Good.java", ASF_HEADER + "class Good {}\n");
        write("src/Bad.java", "class Bad {}\n");
        write("NOTICE", "Apache Demo\nCopyright 2024 The Apache Software Foundation\n");
        Files.write(root.resolve("src/blob.bin"), new byte[] {1, 0, 2, 0});

        LicenseHeaderScan.Result r = LicenseHeaderScan.scan(root, ExcludeRules.read(root), Duration.ofSeconds(5), 2,
                () -> false);

        assertThat(r.unapproved()).containsExactly("src/Bad.java");
        assertThat(r.thirdParty()).isEmpty();
        assertThat(r.timedOut()).isEmpty();
        assertThat(r.scanned()).isEqualTo(2);
    }

    @Test
    void thirdPartyFilesUnderAnotherLicenseAreToldApartFromMissingHeaders() throws Exception {
        write("src/snowball/PorterStemmer.java", BSD_HEADER + "class PorterStemmer {}\n");
        write("src/Bad.java", "class Bad {}\n");

        LicenseHeaderScan.Result r = LicenseHeaderScan.scan(root, ExcludeRules.none(), Duration.ofSeconds(5), 2,
                () -> false);

        assertThat(r.unapproved()).containsExactly("src/Bad.java");
        assertThat(r.thirdParty()).singleElement().asString().startsWith("src/snowball/PorterStemmer.java (")
                .contains("BSD-style license");
    }

    @Test
    void theProjectsOwnExcludesAreHonouredAndEachExclusionNamesItsRule() throws Exception {
        write("rat-excludes", "# OpenNLP style\n**/*.min.js\nsrc/test/resources/**\nMANIFEST.MF\n");
        write("pom.xml", """
                <project>
                  <build><plugins>
                    <plugin><groupId>x</groupId><artifactId>other-plugin</artifactId>
                      <configuration><excludes><exclude>src/Keep.java</exclude></excludes></configuration></plugin>
                    <plugin>
                      <groupId>org.apache.rat</groupId>
                      <artifactId>apache-rat-plugin</artifactId>
                      <configuration><excludes>
                        <exclude>src/main/resources/META-INF/services/*</exclude>
                      </excludes></configuration>
                    </plugin>
                  </plugins></build>
                </project>
                """);
        write("web/lib/jquery.min.js", "!function(){}\n");
        write("src/test/resources/data/corpus.txt", "plain test data\n");
        write("src/main/resources/META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        write("src/main/resources/META-INF/services/org.example.Spi", "org.example.Impl\n");
        write("src/Keep.java", "class Keep {}\n");

        LicenseHeaderScan.Result r = LicenseHeaderScan.scan(root, ExcludeRules.read(root), Duration.ofSeconds(5), 2,
                () -> false);

        assertThat(r.excluded()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "web/lib/jquery.min.js", "**/*.min.js (rat-excludes)",
                "src/test/resources/data/corpus.txt", "src/test/resources/** (rat-excludes)",
                "src/main/resources/META-INF/MANIFEST.MF", "MANIFEST.MF (rat-excludes)",
                "src/main/resources/META-INF/services/org.example.Spi",
                "src/main/resources/META-INF/services/* (pom.xml (apache-rat-plugin))"));
        assertThat(r.unapproved()).contains("src/Keep.java").doesNotContain("web/lib/jquery.min.js");
    }

    @Test
    void aPomWithAnExternalEntityIsNotFollowed() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.txt"), "SECRET");
        write("pom.xml", "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<project><build><plugins><plugin><artifactId>apache-rat-plugin</artifactId><configuration>"
                + "<excludes><exclude>&x;</exclude></excludes></configuration></plugin></plugins></build></project>");
        ExcludeRules rules = ExcludeRules.read(root);
        assertThat(rules.size()).isZero();
        assertThat(rules.problems()).singleElement().asString().contains("pom.xml could not be read")
                .doesNotContain("SECRET");
    }

    @Test
    @Timeout(60)
    void aFileThatMakesRatsCopyrightMatcherBacktrackEndsWithinItsBudget() throws Exception {
        // RAT-574: RAT 0.18's copyright patterns backtrack over runs of non-word characters. Here the Apache
        // License 1.0 pattern (Copyright 1995\W*-\W*1999 The Apache Group) meets "1995" and then 25,000
        // characters of "- - - ...": every split of the run between the two \W* is tried, hundreds of millions of
        // steps (RAT itself, reading whole lines and searching from every position, takes far longer), against a
        // budget of 50 ms here.
        StringBuilder hostile = new StringBuilder("Copyright 1995 ");
        for (int i = 0; i < 60; i++) {
            hostile.append("- ".repeat(300)).append('\n');
        }
        write("src/test/resources/store/db.data", hostile.toString());
        write("src/Good.java", ASF_HEADER + "class Good {}\n");

        long start = System.nanoTime();
        LicenseHeaderScan.Result r = LicenseHeaderScan.scan(root, ExcludeRules.none(), Duration.ofMillis(50), 2,
                () -> false);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.timedOut()).contains("src/test/resources/store/db.data");
        assertThat(r.unapproved()).doesNotContain("src/Good.java");
        assertThat(tookMillis).as("one budget of 50 ms per file, not minutes").isLessThan(30_000);
    }

    @Test
    void headLinesAreBoundedInLengthAndNumber() {
        String text = LicenseHeaderScan.boundedLines(("x".repeat(5000) + "\n").repeat(200)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(text.lines()).hasSize(50).allSatisfy(l -> assertThat(l).hasSize(LicenseHeaderScan.MAX_LINE));
    }
}
