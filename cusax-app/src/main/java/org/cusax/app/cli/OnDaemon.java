package org.cusax.app.cli;

import org.cusax.app.json.JsonWriter;
import org.cusax.app.remote.DaemonConnection;

/** A client command that, when a daemon runs for the account, sends its work there instead of logging in. */
interface OnDaemon {
    int onDaemon(DaemonConnection daemon, JsonWriter json) throws Exception;
}
