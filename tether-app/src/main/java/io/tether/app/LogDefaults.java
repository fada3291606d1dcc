package io.tether.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The runnable server's console logging when the application brings no Logback configuration:
 * Logback's own fallback logs everything at DEBUG (Netty's included), so {@link Tether} replaces
 * exactly that fallback with INFO, Netty at WARN and a one-line pattern (console appender named
 * {@link LogFormat#APPENDER}, so {@code tether.log.format = json} applies to it too). A
 * {@code logback.xml}, {@code logback-test.xml}, {@code -Dlogback.configurationFile} or another
 * SLF4J backend is left alone. Library use (embedding tether-server) never comes here.
 */
final class LogDefaults {
    /** The name Logback's BasicConfigurator gives its console appender. */
    private static final String FALLBACK_APPENDER = "console";

    private LogDefaults() {
    }

    static void applyUnlessConfigured() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || !isLogbackFallback(context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(LogFormat.APPENDER);
        console.setEncoder(encoder);
        console.start();
        root.addAppender(console);
        root.setLevel(Level.INFO);
        context.getLogger("io.netty").setLevel(Level.WARN);
        context.getLogger("io.tether.server.TetherServer").setLevel(Level.WARN); // the app prints its own listener lines
    }

    /** True when Logback configured itself with its BasicConfigurator: no file, one appender "console". */
    private static boolean isLogbackFallback(LoggerContext context) {
        if (ConfigurationWatchListUtil.getMainWatchURL(context) != null) {
            return false;
        }
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
                it.hasNext(); ) {
            appenders.add(it.next());
        }
        return appenders.size() == 1 && FALLBACK_APPENDER.equals(appenders.get(0).getName());
    }
}
