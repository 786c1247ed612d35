namespace DiploPortal.Core.Common;

/// <summary>Security marking of a record, in ascending order of sensitivity.</summary>
public enum Classification
{
    Unclassified = 0,
    Restricted = 1,
    Confidential = 2,
    Secret = 3,
}
