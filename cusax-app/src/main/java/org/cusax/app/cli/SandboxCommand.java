package org.cusax.app.cli;

import java.util.concurrent.Callable;

import org.cusax.app.json.JsonWriter;
import org.cusax.sandbox.Sandbox;
import org.cusax.sandbox.SandboxStartException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Runs only the sandbox service (XMPP + SIP on 127.0.0.1, demo accounts and peers, the provisioning server)
 * until Ctrl-C, so that other clients can connect: a second cusax signed in through the printed provisioning
 * URL or with the printed configuration file, baresip, an XMPP client.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, description = "Run the in-process CUSAX service (XMPP + SIP, demo accounts and peers, provisioning server) "
        + "on 127.0.0.1 until Ctrl-C, for other clients to connect to.")
final class SandboxCommand implements Callable<Integer> {
    @ParentCommand
    CusaxCli cli;

    @Mixin
    SandboxSettings settings;

    @Override
    public Integer call() throws Exception {
        LogLevels.apply(cli.verbosity());
        org.cusax.sandbox.SandboxOptions options;
        try {
            options = settings.options();
        } catch (IllegalArgumentException e) {
            cli.err.println("cusax sandbox: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (StopSignal signal = new StopSignal()) {
            try (Sandbox sandbox = Sandbox.start(options)) {
                if (cli.json) {
                    new JsonWriter(cli.out).line(SandboxReport.json(sandbox));
                } else {
                    SandboxReport.human(sandbox, cli.out);
                    cli.out.println();
                    cli.out.println("Try, in another terminal (sign in with only user id and password, then use it):");
                    cli.out.println("  ./cusax login " + sandbox.demoUser().jid() + " --provisioning-url "
                            + sandbox.provisioningUrl() + " --trust-store " + sandbox.caCertificateFile()
                            + " -c /tmp/cusax-demo.conf");
                    cli.out.println("Or with the configuration file the sandbox wrote:");
                    cli.out.println("  ./cusax status -c " + sandbox.demoUser().configFile());
                    cli.out.println("  ./cusax roster -c " + sandbox.demoUser().configFile());
                    cli.out.println("  ./cusax call -c " + sandbox.demoUser().configFile() + " " + sandbox.greetingAor()
                            + " --record /tmp/greeting.wav");
                    cli.out.println("Running; press Ctrl-C to stop.");
                    cli.out.flush();
                }
                signal.await(null);
            } catch (SandboxStartException e) {
                cli.err.println("cusax sandbox: " + e.getMessage());
                return ExitCodes.INTERNAL;
            }
            if (!cli.json) {
                cli.out.println("Sandbox stopped.");
            }
        }
        return ExitCodes.OK;
    }
}
