package cn.sciday.campaign;

/** Where a campaign stands: a draft being prepared, the active one, or a closed one kept for history. */
public enum CampaignStatus {
    DRAFT, ACTIVE, CLOSED
}
