package org.cusax.testbed.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marker scan behind the "no password in any log" check (issue 14 item 6). */
class SecretScanTest {
    @TempDir
    Path dir;

    @Test
    void aPasswordInALogIsALeakAndInAPasswordFileAStore() throws Exception {
        String password = TestPasswords.next();
        assertThat(password).startsWith(TestPasswords.MARKER).hasSize(TestPasswords.MARKER.length() + 16);
        Path logs = Files.createDirectories(dir.resolve("prosody/logs"));
        Files.writeString(logs.resolve("prosody.log"), "auth ok\nSASL PLAIN " + password + "\n");
        Files.writeString(dir.resolve("alice.password"), password + "\n");
        Files.writeString(dir.resolve("clean.log"), "nothing " + TestPasswords.MARKER.substring(1) + "\n");
        SecretScan.Result r = new SecretScan(TestPasswords.MARKER, RunDirectoryCheck.SECRET_STORES).scan(dir);
        assertThat(r.filesScanned()).isEqualTo(3);
        assertThat(r.leaks()).containsExactly(logs.resolve("prosody.log"));
        assertThat(r.secretStores()).containsExactly(dir.resolve("alice.password"));
    }

    @Test
    void aMarkerAcrossTheReadBufferAndAfterAFalseStartIsFound() throws Exception {
        byte[] filler = new byte[64 * 1024 - 5];
        java.util.Arrays.fill(filler, (byte) 'x');
        String marker = TestPasswords.MARKER;
        Path big = dir.resolve("big.bin");
        Files.write(big, filler);
        Files.writeString(big, marker.substring(0, 6) + marker + "tail", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Path partial = dir.resolve("partial.log");
        Files.writeString(partial, marker.substring(0, marker.length() - 1));
        SecretScan scan = new SecretScan(marker, p -> false);
        assertThat(scan.contains(big)).isTrue();
        assertThat(scan.contains(partial)).isFalse();
    }

    @Test
    void aPasswordInsideBase64IsFoundAtEveryAlignment() throws Exception {
        SecretScan scan = new SecretScan(TestPasswords.markerForms(), p -> false);
        for (String prefix : new String[] {"\0alice\0", "\0bob\0", "\0carol\0", "alice:"}) {
            String b64 = java.util.Base64.getEncoder().encodeToString((prefix + TestPasswords.next())
                    .getBytes(StandardCharsets.UTF_8));
            Path log = Files.writeString(dir.resolve("sasl.log"), "SENT: <auth mechanism='PLAIN'>" + b64 + "</auth>\n");
            assertThat(scan.contains(log)).as("base64 of %s + password", prefix).isTrue();
        }
        Path clean = Files.writeString(dir.resolve("clean.log"), java.util.Base64.getEncoder()
                .encodeToString("\0alice\0SomethingElseEntirely42".getBytes(StandardCharsets.UTF_8)));
        assertThat(scan.contains(clean)).isFalse();
    }

    @Test
    void theServersCredentialTablesAreStoresNotLeaks() {
        assertThat(RunDirectoryCheck.SECRET_STORES).accepts(Path.of("/r/kamailio/users/users"),
                Path.of("/r/prosody/data/cusax%2etest/accounts/alice.dat"), Path.of("/r/bob.pw"));
        assertThat(RunDirectoryCheck.SECRET_STORES).rejects(Path.of("/r/prosody/prosody.log"),
                Path.of("/r/daemon/daemon.log"), Path.of("/r/history/chat.jsonl"), Path.of("/r/other/users/users"));
    }

    @Test
    void theLedgerIsReadBack() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("client.log"), "password=" + TestPasswords.next());
        Path ledger = dir.resolve("ledger");
        String before = System.getProperty(RunDirectoryCheck.LEDGER_PROPERTY);
        System.setProperty(RunDirectoryCheck.LEDGER_PROPERTY, ledger.toString());
        try {
            RunDirectoryCheck.record(run);
        } finally {
            if (before == null) {
                System.clearProperty(RunDirectoryCheck.LEDGER_PROPERTY);
            } else {
                System.setProperty(RunDirectoryCheck.LEDGER_PROPERTY, before);
            }
        }
        assertThat(RunDirectoryCheck.ledgerLines(ledger))
                .containsExactly("run " + run, "scanned 1", "leak " + run.resolve("client.log"));
    }
}
