package io.releasepilot.verify;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises compiled files by their first bytes (and, for files too short to tell, by their extension):
 * Java classes and jars, native libraries and executables (ELF, PE, Mach-O), WebAssembly.
 */
public final class BinaryDetector {
    /** How many leading bytes {@link #detect} needs. */
    public static final int HEAD = 8;

    private BinaryDetector() {
    }

    /** What kind of compiled file this is, or empty for anything else. */
    public static Optional<String> detect(String name, byte[] head, int length) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (length >= 4) {
            int b0 = head[0] & 0xff;
            int b1 = head[1] & 0xff;
            int b2 = head[2] & 0xff;
            int b3 = head[3] & 0xff;
            if (b0 == 0xCA && b1 == 0xFE && b2 == 0xBA && b3 == 0xBE) {
                if (length >= 8 && (((head[6] & 0xff) << 8) | (head[7] & 0xff)) >= 45) {
                    return Optional.of("compiled Java class");
                }
                return Optional.of("Mach-O universal binary");
            }
            if (b0 == 0x7F && b1 == 'E' && b2 == 'L' && b3 == 'F') {
                return Optional.of("ELF executable or shared library");
            }
            if ((b0 == 0xFE && b1 == 0xED && b2 == 0xFA && (b3 == 0xCE || b3 == 0xCF))
                    || ((b0 == 0xCE || b0 == 0xCF) && b1 == 0xFA && b2 == 0xED && b3 == 0xFE)) {
                return Optional.of("Mach-O executable or library");
            }
            if (b0 == 0 && b1 == 'a' && b2 == 's' && b3 == 'm') {
                return Optional.of("WebAssembly module");
            }
            if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4 && (lower.endsWith(".jar") || lower.endsWith(".war")
                    || lower.endsWith(".ear") || lower.endsWith(".aar") || lower.endsWith(".jmod"))) {
                return Optional.of("Java archive");
            }
        }
        if (length >= 2 && head[0] == 'M' && head[1] == 'Z') {
            return Optional.of("Windows executable or DLL");
        }
        for (String ext : new String[] {".class", ".jar", ".war", ".ear", ".so", ".dylib", ".dll", ".exe", ".o",
                ".a", ".lib", ".pyc", ".wasm"}) {
            if (lower.endsWith(ext)) {
                return Optional.of("compiled file (by its " + ext + " extension)");
            }
        }
        return Optional.empty();
    }
}
