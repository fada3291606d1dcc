package io.tether.api.jstp;

/** The listener that does nothing (a constant the server recognizes to skip the peer). */
enum NoSessionListener implements JstpSessionListener {
    INSTANCE;

    @Override
    public void onClient(JstpPeer peer, boolean restored) {
    }
}
