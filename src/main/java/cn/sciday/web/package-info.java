/**
 * Web shell shared by every module: clock and demo mode, layout, i18n, elderly mode, error handling.
 * Open module: other modules may use its types; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.sciday.web;
