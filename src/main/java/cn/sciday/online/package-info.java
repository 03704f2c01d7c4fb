/**
 * 云上科普日 (section 四(三) of the notice): the online science quiz (科普知识网络答题) — question bank, rounds,
 * attempts decided by the server, leaderboards. Short videos, volunteer likes, topics and live streams follow in
 * this package later; quiz types are named {@code Quiz*} and {@code Question*}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "online")
package cn.sciday.online;
