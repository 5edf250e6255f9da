package org.cusax.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.cusax.bench.endtoend.ProcessCpu;
import org.junit.jupiter.api.Test;

/** proc(5) {@code /proc/<pid>/stat}: utime and stime are fields 14 and 15, after a command name in parens. */
class ServerCpuTest {
    @Test
    void userAndSystemTicksAreReadAfterTheCommandNameEvenWithSpacesAndParensInIt() {
        String line = "4242 (lua5.4 (x) y) S 1 4242 4242 0 -1 4194560 9000 0 12 0 317 45 0 0 20 0 1 0 123 0 0";
        assertThat(ProcessCpu.ticks(line)).isEqualTo(317 + 45);
    }

    @Test
    void aLiveProcessIsReadAndAGoneOneIsNot() throws Exception {
        assertThat(ServerCpu.start(ProcessHandle.current().pid()).millis()).isGreaterThanOrEqualTo(0);
        Process p = new ProcessBuilder("true").start();
        long pid = p.pid();
        p.waitFor();
        assertThat(ServerCpu.start(pid).millis()).isEqualTo(-1);
    }
}
