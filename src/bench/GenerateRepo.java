import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a source-like tree for the source-archive benchmark: FILES files (default 20,000) of about
 * 16 KiB of pseudo-code each, in nested folders, plus a few dot files. Deterministic (fixed seed).
 * Run with: java src/bench/GenerateRepo.java DIR [FILES] [KIB_PER_FILE]
 */
public class GenerateRepo {
    private static final String[] WORDS = {"public", "private", "static", "final", "class", "return", "if", "else",
            "for", "while", "new", "int", "long", "String", "List", "Map", "result", "value", "index", "count",
            "buffer", "stream", "reader", "writer", "config", "release", "artifact", "signature", "checksum",
            "version", "throw", "catch", "try", "null", "true", "false", "this", "import", "package", "void"};

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int kib = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < files; i++) {
            Path file = root.resolve(String.format("module-%02d/src/main/java/pkg%03d/File%05d.java", i % 50,
                    (i / 50) % 400, i));
            Files.createDirectories(file.getParent());
            sb.setLength(0);
            sb.append("/* Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0. */\n");
            while (sb.length() < kib * 1024) {
                int n = 4 + random.nextInt(10);
                sb.append("    ".repeat(1 + random.nextInt(3)));
                for (int w = 0; w < n; w++) {
                    sb.append(WORDS[random.nextInt(WORDS.length)]);
                    sb.append(random.nextInt(8) == 0 ? Integer.toString(random.nextInt(100000)) : "");
                    sb.append(w == n - 1 ? ";\n" : " ");
                }
            }
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        }
        Files.writeString(root.resolve(".gitignore"), "target/\n");
        Files.writeString(root.resolve("LICENSE"), "Apache License 2.0\n");
        Files.writeString(root.resolve("NOTICE"), "Apache Bench\nCopyright 2026 The Apache Software Foundation\n");
    }
}
