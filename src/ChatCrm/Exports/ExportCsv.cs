using System.Globalization;
using ChatCrm.Core.Exports;
using CsvHelper;

namespace ChatCrm.Exports;

/// <summary>An export's rows as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Chinese right).</summary>
public static class ExportCsv
{
    private static readonly string[] Header =
        ["number", "name", "company", "industry", "region", "stage", "amount", "currency", "owner", "team", "phone", "email", "created_at", "last_follow_up_at"];

    public static byte[] Write(IReadOnlyList<ExportRow> rows)
    {
        // A cell starting with = + - @ would run as a formula in a spreadsheet: escape it.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var row in rows)
            {
                csv.WriteRecord(
                [
                    row.Number, row.Name, row.Company, row.Industry, row.Region, row.Stage,
                    row.Amount?.ToString(CultureInfo.InvariantCulture), row.Currency, row.Owner, row.Team, row.Phone, row.Email,
                    row.CreatedAt.ToString("O", CultureInfo.InvariantCulture), row.LastFollowUpAt?.ToString("O", CultureInfo.InvariantCulture),
                ]);
            }
        }

        return buffer.ToArray();
    }
}
