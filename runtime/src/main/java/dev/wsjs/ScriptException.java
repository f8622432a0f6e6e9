package dev.wsjs;

/** A JavaScript error that reached Java through a future of {@link WsjsRuntime}; the message holds the JS stack. */
public final class ScriptException extends RuntimeException {
    public ScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
