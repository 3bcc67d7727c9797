package io.releasepilot.gui;

import io.releasepilot.core.CancelledException;
import io.releasepilot.gui.common.FxTask;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Core work reports progress to the task and sees the task's cancellation. */
@ExtendWith(ApplicationExtension.class)
class FxTaskTest {

    @Test
    void progressReachesTheTaskAndCancelStopsTheWork() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        FxTask<Integer> task = new FxTask<>(progress -> {
            progress.begin("Hashing", 100);
            for (int i = 0; i < 100; i++) {
                progress.checkCancelled("Hashing");
                progress.worked(1);
                if (i == 49) {
                    halfway.countDown();
                }
                Thread.sleep(20);
            }
            return 100;
        });
        start(task);
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(task::getMessage)).isEqualTo("Hashing");
        assertThat(fx(task::getProgress)).isBetween(0.45, 0.99);
        fx(() -> task.cancel(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(task::getState) == Worker.State.CANCELLED);
        assertThat(fx(task::getState)).isEqualTo(Worker.State.CANCELLED);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void start(FxTask<?> task) throws Exception {
        fx(() -> task.start("test"));
    }

    @Test
    void aFailureReachesTheTask() throws Exception {
        FxTask<Void> task = new FxTask<>(progress -> {
            throw new CancelledException("Upload");
        });
        start(task);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(task::getState) == Worker.State.FAILED);
        assertThat(fx(task::getException)).isInstanceOf(CancelledException.class).hasMessage("Upload was cancelled.");
    }
}
