package cn.sciday.organization;

/** What kind of unit runs activities. */
public enum UnitType {
    SCHOOL, MUSEUM, ENTERPRISE, SOCIETY, HOSPITAL, COMMUNITY_COMMITTEE, OTHER
}
