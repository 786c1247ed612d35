using System.Linq.Expressions;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Assessments;

/// <summary>
/// Engagements, exercises and missions keep their assessments: a delete is refused while any names the
/// record (decision in docs/SECURITY.md, "Record changes"). The refusal counts the assessments the person
/// may see; those they may not see are kept by the database's foreign keys (ON DELETE RESTRICT), and the
/// editor answers with its general refusal, so nobody learns more than that other records refer to it.
/// </summary>
public static class AssessedRecords
{
    public static async Task<string?> DeleteRefusalAsync(
        PortalDbContext db, Expression<Func<Assessment, bool>> ofRecord, string noun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var count = await db.Assessments.CountAsync(ofRecord, cancellationToken);
        return count switch
        {
            0 => null,
            1 => $"This {noun} has 1 assessment, so it was not deleted: assessments are never deleted with their subject.",
            _ => $"This {noun} has {count} assessments, so it was not deleted: assessments are never deleted with their subject.",
        };
    }
}
