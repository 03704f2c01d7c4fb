package cn.sciday.activity;

import java.util.List;

/**
 * The summaries page for one viewer: its own organization's stage and full summaries (a unit, division or
 * department; empty for the city), the units it oversees (a coordinator: its units; the city: all) and, for the
 * city, the divisions and departments.
 */
public record SummaryBoard(List<SummaryView> own, List<SummaryLine> units, List<SummaryLine> bodies) {
}
