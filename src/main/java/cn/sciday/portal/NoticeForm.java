package cn.sciday.portal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a city admin fills in for a notice. {@code linkUrl} is a page of this site ({@code /campaign}) or an
 * https address; {@code version} guards against two people saving the same notice at once.
 */
public record NoticeForm(
        @NotBlank(message = "{portal.notice.title.required}")
        @Size(max = 200, message = "{portal.notice.title.size}") String title,
        @Size(max = 100, message = "{portal.notice.documentNumber.size}") String documentNumber,
        @NotBlank(message = "{portal.notice.issuer.required}")
        @Size(max = 100, message = "{portal.notice.issuer.size}") String issuer,
        @NotNull(message = "{portal.notice.issuedOn.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
        @Size(max = 500, message = "{portal.notice.summary.size}") String summary,
        @NotBlank(message = "{portal.notice.body.required}")
        @Size(max = 20000, message = "{portal.notice.body.size}") String body,
        @Size(max = 500, message = "{portal.notice.linkUrl.size}")
        @Pattern(regexp = "^$|^/[^/\\\\].*|^/$|^https://\\S+$", message = "{portal.notice.linkUrl.pattern}") String linkUrl,
        @Size(max = 100, message = "{portal.notice.linkText.size}") String linkText,
        Integer version) {

    static NoticeForm empty(LocalDate today) {
        return new NoticeForm("", "", "", today, "", "", "", "", null);
    }

    static NoticeForm of(NoticeView n) {
        return new NoticeForm(n.title(), n.documentNumber(), n.issuer(), n.issuedOn(), n.summary(), n.body(),
                n.linkUrl(), n.linkText(), n.version());
    }

    /** The form with surrounding spaces removed and empty optional texts as null. */
    NoticeForm normalized() {
        return new NoticeForm(strip(title), blankToNull(documentNumber), strip(issuer), issuedOn,
                blankToNull(summary), body == null ? null : body.strip(), blankToNull(linkUrl), blankToNull(linkText),
                version);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
