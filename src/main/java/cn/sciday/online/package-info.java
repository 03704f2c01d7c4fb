/**
 * 云上科普日 (section 四(三) of the notice): the online science quiz ({@code Quiz*}, {@code Question*}), the
 * short-video solicitation "点亮好奇心" ({@code Video*}), likes shared by videos and science volunteers
 * ({@code Like*}: one per person, entry and Beijing day by a database constraint, rate limits, scripted bursts
 * flagged for review), topic interaction ({@code Topic*}), science-volunteer profiles ({@code Volunteer*}) and live
 * streams ({@code LiveStream*}, facade {@link cn.sciday.online.LiveStreams} for the home page).
 */
@org.springframework.modulith.ApplicationModule(displayName = "online")
package cn.sciday.online;
