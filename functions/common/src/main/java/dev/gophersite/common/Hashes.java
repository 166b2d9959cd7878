package dev.gophersite.common;

import dev.gophersite.common.http.UserText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex, the one content hash of the project (versions, ETags, cache keys). */
public final class Hashes {
    private Hashes() {}

    /**
     * The hash of the parts, each followed by a NUL byte, so ("ab", "c") and ("a", "bc") differ. A part that is not
     * well-formed UTF-16 (an unpaired surrogate) is hashed as its code units after a 0xFF byte, which UTF-8 never
     * contains, and its length: encoding it as UTF-8 would turn each unpaired surrogate into {@code ?}, and two
     * different texts into one hash.
     */
    public static String sha256Hex(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            if (!UserText.hasUnpairedSurrogate(part)) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
            } else {
                digest.update((byte) 0xFF);
                digest.update(ByteBuffer.allocate(4).putInt(part.length()).array());
                for (int i = 0; i < part.length(); i++) {
                    char c = part.charAt(i);
                    digest.update((byte) (c >>> 8));
                    digest.update((byte) c);
                }
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
