package cn.sciday.campaign;

/** Emitted after a campaign is created, edited, cloned, activated or closed; {@code change} says which. */
public record CampaignChanged(long campaignId, int year, String change, String detail) {
}
