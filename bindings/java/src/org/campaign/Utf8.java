package org.campaign;

import java.nio.charset.StandardCharsets;

/**
 * Strings cross to C as UTF-8 bytes, never as JNI's modified UTF-8, which
 * would break characters outside the BMP (CJK Extension B in personal names).
 */
public final class Utf8 {
    private Utf8() {}

    public static byte[] encode(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    public static String decode(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
