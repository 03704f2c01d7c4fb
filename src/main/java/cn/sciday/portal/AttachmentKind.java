package cn.sciday.portal;

/** What an attachment of a notice is: the plan itself, one of its forms (附表), its 图解, its 解读, or something else. */
public enum AttachmentKind {
    PLAN, FORM, GRAPHIC, INTERPRETATION, OTHER
}
