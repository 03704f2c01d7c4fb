package cn.sciday.organization;

/** A unit registered itself and waits for its coordinator. */
public record UnitRegistered(long unitId, String name, long parentId) {
}
