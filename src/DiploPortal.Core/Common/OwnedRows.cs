namespace DiploPortal.Core.Common;

/// <summary>Brings a record's owned rows (participants, contributions) in line with an edited form, one row per nation.</summary>
public static class OwnedRows
{
    /// <summary>
    /// Removes the rows of nations no longer <paramref name="wanted"/>, adds a row for each new one, and copies each
    /// line of the form onto its row, so that unchanged rows stay the same rows (and keep what the form does not edit).
    /// </summary>
    public static void Sync<TRow, TLine>(List<TRow> rows, IReadOnlyList<(int NationId, TLine Line)> wanted, Func<TRow, int> nationOf, Func<int, TRow> create, Action<TRow, TLine> apply)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(nationOf);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(apply);
        rows.RemoveAll(row => !wanted.Any(w => w.NationId == nationOf(row)));
        foreach (var (nationId, line) in wanted)
        {
            var row = rows.Find(r => nationOf(r) == nationId);
            if (row is null)
            {
                row = create(nationId);
                rows.Add(row);
            }

            apply(row, line);
        }
    }
}
