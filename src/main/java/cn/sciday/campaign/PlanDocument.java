package cn.sciday.campaign;

import java.time.LocalDate;

/** The official document that issued the plan (文号, 发布机构, 成文日期). */
public record PlanDocument(String number, String issuingBody, LocalDate issuedOn) {
}
