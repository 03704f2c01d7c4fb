package cn.sciday.activity;

/**
 * Who reviews a submitted activity first. A unit's activity is endorsed by its 归口 (a division or department) and
 * then approved by the city; an activity a division, department or the city proposes for itself is reviewed by the
 * city alone.
 */
public enum ReviewLevel {
    COORDINATOR, CITY
}
