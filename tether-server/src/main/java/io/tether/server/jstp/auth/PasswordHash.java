package io.tether.server.jstp.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash (JDK only). Stored as
 * {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}; verification is constant-time.
 *
 * <pre>{@code
 * String stored = PasswordHash.create("secret".toCharArray(), PasswordHash.RECOMMENDED_ITERATIONS).encoded();
 * boolean ok = PasswordHash.parse(stored).matches("secret".toCharArray());
 * }</pre>
 *
 * @param iterations PBKDF2 iteration count
 * @param salt       random salt (16 bytes when created here)
 * @param hash       derived key (32 bytes)
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
    /** The iteration count OWASP recommends for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023): 600,000. */
    public static final int RECOMMENDED_ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int KEY_BITS = 256;

    /** Validates the parameters. */
    public PasswordHash {
        if (iterations < 1 || salt.length < 8 || hash.length == 0) {
            throw new IllegalArgumentException("weak or empty password hash parameters");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes a password with a fresh 16-byte random salt. */
    public static PasswordHash create(char[] password, int iterations) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /** Parses the encoded form. */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + PREFIX + " hash");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new PasswordHash(Integer.parseInt(parts[1]), b64.decode(parts[2]), b64.decode(parts[3]));
    }

    /** The encoded form. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether the password matches (constant-time comparison). */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && iterations == p.iterations
                && MessageDigest.isEqual(salt, p.salt) && MessageDigest.isEqual(hash, p.hash);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "PasswordHash[" + PREFIX + ", " + iterations + " iterations]";
    }
}
