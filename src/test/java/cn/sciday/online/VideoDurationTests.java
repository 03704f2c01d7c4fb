package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** Reading an MP4's duration from moov/mvhd, wherever the box sits, without trusting broken files. */
class VideoDurationTests {

    static OptionalLong read(byte[] bytes) throws IOException {
        return VideoDuration.millis(new ByteArrayInputStream(bytes));
    }

    @Test
    void readsVersionZeroHeaderBeforeTheMediaData() throws IOException {
        assertThat(read(OnlineTestData.mp4(301_000, 1000, 0, true))).hasValue(301_000);
    }

    @Test
    void readsTheHeaderAfterTheMediaDataAndOtherTimescales() throws IOException {
        assertThat(read(OnlineTestData.mp4(90_000 * 125, 90_000, 0, false))).hasValue(125_000);
        assertThat(read(OnlineTestData.mp4(44_100L * 60, 44_100, 0, false))).hasValue(60_000);
    }

    @Test
    void readsVersionOneHeaderWith64BitDuration() throws IOException {
        assertThat(read(OnlineTestData.mp4(600L * 1_000_000, 1_000_000, 1, true))).hasValue(600_000);
    }

    @Test
    void aFileWithoutMovieHeaderOrCutShortHasNoDuration() throws IOException {
        byte[] whole = OnlineTestData.mp4(10_000, 1000, 0, false);
        assertThat(read(Arrays.copyOf(whole, whole.length - 60))).isEmpty();
        assertThat(read(Arrays.copyOf(whole, 24 + 8 + 4096))).isEmpty();
        assertThat(read(new byte[] {0, 0, 0, 4, 'f', 't', 'y', 'p'})).isEmpty();
        assertThat(read(OnlineTestData.mp4(10_000, 0, 0, true))).as("timescale 0").isEmpty();
        assertThat(read(new byte[0])).isEmpty();
    }

    @Test
    void durationsReadAsAPersonWould() {
        assertThat(VideoDuration.text(301)).isEqualTo("5 分 01 秒");
        assertThat(VideoDuration.text(45)).isEqualTo("45 秒");
        assertThat(VideoDuration.text(300)).isEqualTo("5 分 00 秒");
    }
}
