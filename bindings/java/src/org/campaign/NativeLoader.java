package org.campaign;

/**
 * Loads the JNI library. By default {@code System.loadLibrary("campaign_java")}
 * (found on {@code java.library.path}); the system property
 * {@code campaign.library.path} names the library file directly instead.
 */
public final class NativeLoader {
    private static boolean loaded;

    private NativeLoader() {}

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        String path = System.getProperty("campaign.library.path");
        if (path != null && !path.isEmpty()) {
            System.load(path);
        } else {
            System.loadLibrary("campaign_java");
        }
        loaded = true;
    }
}
