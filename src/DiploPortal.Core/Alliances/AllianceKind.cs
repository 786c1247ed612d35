namespace DiploPortal.Core.Alliances;

public enum AllianceKind
{
    CollectiveDefence,
    DefencePact,
    StrategicPartnership,
    Coalition,
    IntelligenceSharing,
    RegionalSecurityOrganisation,
}
