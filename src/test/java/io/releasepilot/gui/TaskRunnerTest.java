package io.releasepilot.gui;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.gui.common.TaskRunner;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A step's long work: its failure and its cancellation reach the status line, and busy ends either way. */
@ExtendWith(ApplicationExtension.class)
class TaskRunnerTest {
    private final StringProperty status = new SimpleStringProperty("");
    private final AtomicReference<TaskRunner> runner = new AtomicReference<>();

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private TaskRunner newRunner() throws Exception {
        return fx(() -> {
            TaskRunner r = new TaskRunner(status, "Stopped: nothing was written.");
            runner.set(r);
            return r;
        });
    }

    @Test
    void aFailureShowsItsMessageAndFixAndEndsBusy() throws Exception {
        TaskRunner r = newRunner();
        AtomicReference<Object> result = new AtomicReference<>();
        fx(() -> {
            r.<String>run("Working…", progress -> {
                throw new ReleasePilotException("The tag v1.0.0 does not exist.", "Create the tag first.");
            }, result::set);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fx(() -> r.busyProperty().get()));
        assertThat(fx(status::get)).isEqualTo("The tag v1.0.0 does not exist." + System.lineSeparator()
                + "Create the tag first.");
        assertThat(result.get()).as("done is not called on failure").isNull();
    }

    @Test
    void anUnexpectedFailureSaysSoInPlainWords() throws Exception {
        TaskRunner r = newRunner();
        fx(() -> {
            r.<String>run("Working…", progress -> {
                throw new IllegalStateException("boom");
            }, s -> { });
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fx(() -> r.busyProperty().get()));
        assertThat(fx(status::get)).startsWith("Release Pilot hit an unexpected problem: boom\n");
    }

    @Test
    void cancelStopsTheWorkAndSaysSo() throws Exception {
        TaskRunner r = newRunner();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Boolean> sawCancel = new AtomicReference<>(false);
        fx(() -> {
            r.<String>run("Signing…", progress -> {
                started.countDown();
                while (!progress.isCancelled()) {
                    Thread.sleep(10);
                }
                sawCancel.set(true);
                progress.checkCancelled("Signing");
                return "never";
            }, s -> status.set("done: " + s));
            return null;
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fx(() -> r.busyProperty().get())).isTrue();
        assertThat(fx(status::get)).isEqualTo("Signing…");
        fx(() -> {
            r.cancel();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fx(() -> r.busyProperty().get()));
        assertThat(fx(status::get)).isEqualTo("Stopped: nothing was written.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, sawCancel::get);
        assertThat(sawCancel.get()).as("the work saw isCancelled()").isTrue();
    }

    @Test
    void successHandsTheResultToDone() throws Exception {
        TaskRunner r = newRunner();
        AtomicReference<String> result = new AtomicReference<>();
        fx(() -> {
            r.run("Counting…", progress -> "42 files", result::set);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.get() != null);
        assertThat(result.get()).isEqualTo("42 files");
        assertThat(fx(() -> r.busyProperty().get())).isFalse();
    }
}
