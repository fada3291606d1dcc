package io.tether.demo;

import io.tether.app.Tether;

/**
 * Starts the demo application on the runnable server: {@code io.tether.app.TetherMain} with the
 * demo, plus the demo's own {@code --demo NAME} option ({@link DemoApplication#DEMO_OPTION}).
 * The main class of the demo's fat jar ({@code ./tether run}).
 */
public final class DemoMain {
    private DemoMain() {
    }

    /** See {@link Tether#run}: {@code --help} lists the options. */
    public static void main(String[] args) {
        Tether.run(args, new DemoApplication(), DemoApplication.DEMO_OPTION);
    }
}
