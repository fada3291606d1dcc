package io.tether.demo;

import io.tether.app.Tether;

/** Starts the demo application on the runnable server (the same as {@code io.tether.app.TetherMain} with the demo on the class path). */
public final class DemoMain {
    private DemoMain() {
    }

    /** See {@link Tether#run}: {@code --help} lists the options. */
    public static void main(String[] args) {
        Tether.run(args, new DemoApplication());
    }
}
