/**
 * Infrastructure for running several instances: job locks across instances (ShedLock), the session store choice
 * ({@code sciday.sessions}), optional Redis, caches invalidated across instances ({@link cn.sciday.platform.CacheBus}),
 * request ids in logs and responses, rate limits ({@link cn.sciday.platform.RateLimits}: in memory, or in Redis across
 * instances). Open module: other modules may use its types; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.sciday.platform;
