package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sensitive-word list: the default file plus configured words, matched through spacing and width tricks. */
class TopicSensitiveWordsTests {

    @Test
    void findsDefaultAndConfiguredWordsThroughSpacesPunctuationAndWidth() {
        TopicSensitiveWords words = new TopicSensitiveWords("伪科学偏方，ＶＸ号");
        assertThat(words.size()).isGreaterThan(10);
        assertThat(words.find("专业代开发票，价格优惠")).containsExactly("代开发票");
        assertThat(words.find("代 开-发·票 请联系")).containsExactly("代开发票");
        assertThat(words.find("这是伪科学偏方！")).containsExactly("伪科学偏方");
        assertThat(words.find("加我vx号")).containsExactly("ＶＸ号");
    }

    @Test
    void ordinaryCommentsPass() {
        TopicSensitiveWords words = new TopicSensitiveWords("");
        assertThat(words.find("我家把灯全换成了LED，夏天空调定在26度。")).isEmpty();
        assertThat(words.find("")).isEmpty();
        assertThat(words.find(null)).isEmpty();
    }
}
