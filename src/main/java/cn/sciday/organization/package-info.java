/**
 * Divisions (市(区)), departments (市直部门) and units under the 归口 hierarchy; unit registration and approval;
 * who may see which unit. Facade: {@link cn.sciday.organization.Organizations}.
 */
package cn.sciday.organization;
