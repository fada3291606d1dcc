package io.tether.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Tether version this build was made from (Maven's project version). */
public final class TetherVersion {
    private TetherVersion() {
    }

    /** The version, or {@code "unknown"} when the build did not record it. */
    public static String get() {
        Properties props = new Properties();
        try (InputStream in = TetherVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return props.getProperty("version", "unknown");
    }
}
