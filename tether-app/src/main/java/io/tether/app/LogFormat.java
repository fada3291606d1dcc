package io.tether.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code tether.log.format}: {@code text} keeps the console pattern of the bundled
 * {@code logback.xml}; {@code json} switches its console appender to Logback's own
 * {@link JsonEncoder} (one JSON object per line: timestamp, level, threadName, loggerName, mdc,
 * formattedMessage, throwable). Does nothing when another SLF4J backend or
 * a logging configuration without that appender is in use (a user's own {@code logback.xml}
 * decides then).
 */
final class LogFormat {
    /** The console appender of the bundled logback.xml. */
    static final String APPENDER = "OUT";

    private LogFormat() {
    }

    static void apply(String format) {
        switch (format) {
            case "text" -> { }
            case "json" -> toJson();
            default -> throw new TetherException(ErrorCode.CONFIGURATION_ERROR,
                    "tether.log.format must be text or json, was '" + format + "'");
        }
    }

    private static void toJson() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
        if (appender instanceof OutputStreamAppender<ILoggingEvent> console) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithFormattedMessage(true); // "formattedMessage": the text a person reads
            json.setWithMessage(false);         // not the {} pattern and its arguments
            json.setWithArguments(false);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.start();
            console.stop();
            console.setEncoder(json);
            console.start();
        }
    }
}
