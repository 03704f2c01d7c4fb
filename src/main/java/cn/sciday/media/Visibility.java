package cn.sciday.media;

/** Who may read a stored file: anyone (PUBLIC) or only those whose scope covers its owner (SCOPED). */
public enum Visibility {
    PUBLIC, SCOPED
}
