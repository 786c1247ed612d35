using System.Globalization;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Missions;

namespace DiploPortal.Core.Nations;

/// <summary>
/// A count that stops at a cap: counting up to the cap is a bounded read, the exact figure for a
/// nation in 70,000 engagements would not be ("500+" then).
/// </summary>
public readonly record struct CappedCount(int Value, bool IsCapped)
{
    /// <summary>From a count taken with <c>Take(cap + 1)</c>.</summary>
    public static CappedCount Of(int counted, int cap) => counted > cap ? new(cap, true) : new(counted, false);

    /// <summary>"123" or "500+".</summary>
    public string Text => Value.ToString("N0", CultureInfo.InvariantCulture) + (IsCapped ? "+" : "");
}

/// <summary>
/// The part a nation had in a record. When it had several (hosted and took part), the page names the
/// first in this order.
/// </summary>
public enum NationPart
{
    Host,
    Lead,
    Participant,
    Observer,
    Affected,
    Contributor,
    Sender,
    Receiver,
    Member,
}

/// <summary>
/// What happened on a day of a nation's timeline. On one day, events are listed in the reverse of
/// this order (newest first): engagements, then exercises, missions, attaché postings and alliance changes.
/// </summary>
public enum NationEventKind
{
    AllianceLeft,
    AllianceJoined,
    AttachePostingEnded,
    AttachePostingStarted,
    MissionStarted,
    ExerciseStarted,
    Engagement,
}

/// <summary>An attaché the nation sent or received; the other nation is the host or the sender.</summary>
public sealed record NationAttache(
    int Id,
    string Rank,
    string FullName,
    string OtherNationCode,
    string OtherNationName,
    DateOnly PostedFrom,
    DateOnly? PostedUntil,
    Classification Classification)
{
    public bool IsServingOn(DateOnly day) => PostedFrom <= day && (PostedUntil is null || PostedUntil >= day);
}

/// <summary>Attachés one way (sent or received): how many, how many serve now, and the newest postings.</summary>
public sealed record NationAttaches(CappedCount Count, CappedCount Serving, IReadOnlyList<NationAttache> Newest);

public sealed record NationExercise(
    int Id,
    string Name,
    ExerciseKind Kind,
    ExerciseStatus Status,
    NationPart Part,
    string HostNationCode,
    string HostNationName,
    DateOnly StartsOn,
    DateOnly EndsOn,
    Classification Classification)
{
    /// <summary>How much of the dates is known (ADR 0007).</summary>
    public DatePrecision StartsOnPrecision { get; init; }

    public DatePrecision EndsOnPrecision { get; init; }
}

/// <summary>Exercises the nation hosted, led or took part in: how many, the next ones and the latest started.</summary>
public sealed record NationExercises(CappedCount Count, IReadOnlyList<NationExercise> Upcoming, IReadOnlyList<NationExercise> Recent);

public sealed record NationMission(
    int Id,
    string Name,
    MissionKind Kind,
    CrisisKind Crisis,
    NationPart Part,
    string AffectedNationCode,
    string AffectedNationName,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    Classification Classification);

/// <summary>Missions for a crisis in the nation and missions it contributed to, each counted, with the latest.</summary>
public sealed record NationMissions(
    CappedCount AffectingCount,
    IReadOnlyList<NationMission> Affecting,
    CappedCount ContributedCount,
    IReadOnlyList<NationMission> Contributed);

public sealed record EngagementKindCount(EngagementKind Kind, int Count);

/// <summary>
/// The engagements a nation took part in or hosted, counted by kind over the newest
/// <see cref="NationStoryQueries.EngagementWindow"/> of them. When there are more, <see cref="Total"/>
/// is capped and <see cref="CountedSince"/> names the day the counted window starts.
/// </summary>
public sealed record NationEngagements(CappedCount Total, IReadOnlyList<EngagementKindCount> ByKind, DateOnly? CountedSince);

/// <summary>
/// One event of a nation's timeline. <see cref="RecordId"/> is the record the event links to (an alliance
/// event links by <see cref="OtherCode"/>, the acronym). <see cref="OtherCode"/>/<see cref="OtherName"/> name
/// the other side: the alliance, the attaché's other nation, the nation a mission helped, or the host of an
/// engagement or exercise (which may be the nation itself; null for an engagement held remotely).
/// </summary>
public sealed record NationEvent(
    NationEventKind Kind,
    DateOnly On,
    int RecordId,
    string Title,
    NationPart Part,
    string? OtherCode,
    string? OtherName,
    Classification? Classification);

/// <summary>One page of a timeline, newest first; <see cref="Older"/> continues it, null at the first event.</summary>
public sealed record NationTimelinePage(IReadOnlyList<NationEvent> Events, Cursor? Older);

/// <summary>Everything the nation page shows, bounded: counts (capped) and the newest few of each kind.</summary>
public sealed record NationStory(
    NationDetails Details,
    NationAttaches Sent,
    NationAttaches Received,
    NationExercises Exercises,
    NationMissions Missions,
    NationEngagements Engagements,
    NationTimelinePage Timeline);
