package cn.sciday.media;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file the platform accepts, recognised by their content. To add one, add a constant here and its
 * recognition in {@link ContentInspector}.
 */
public enum FileKind {

    PDF("application/pdf", true, "PDF 文件", List.of("pdf")),
    JPEG("image/jpeg", true, "JPEG 图片", List.of("jpg", "jpeg", "jpe", "jfif")),
    PNG("image/png", true, "PNG 图片", List.of("png")),
    MP4("video/mp4", true, "MP4 视频", List.of("mp4", "m4v")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false, "Excel 表格（.xlsx）",
            List.of("xlsx")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, "Word 文档（.docx）",
            List.of("docx"));

    private final String contentType;
    private final boolean inline;
    private final String label;
    private final List<String> extensions;

    FileKind(String contentType, boolean inline, String label, List<String> extensions) {
        this.contentType = contentType;
        this.inline = inline;
        this.label = label;
        this.extensions = extensions;
    }

    /** The Content-Type the file is served with (never text/html). */
    public String contentType() {
        return contentType;
    }

    /** Whether browsers show it in place (images, PDF, video) rather than download it (office files). */
    public boolean inline() {
        return inline;
    }

    /** A Chinese name for messages, e.g. "JPEG 图片". */
    public String label() {
        return label;
    }

    /** File name extensions (lower case, without the dot); the first is the usual one. */
    public List<String> extensions() {
        return extensions;
    }

    public boolean isImage() {
        return this == JPEG || this == PNG;
    }

    /** The kind a file name extension stands for, if any. */
    public static Optional<FileKind> byExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String e = extension.toLowerCase(Locale.ROOT);
        for (FileKind k : values()) {
            if (k.extensions.contains(e)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
