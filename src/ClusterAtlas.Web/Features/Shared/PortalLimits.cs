namespace ClusterAtlas.Web.Features.Shared;

/// <summary>
/// How much a national-scale list page reads. Tables show their first rows (read with SQL LIMIT) and say how many
/// there are, with a link to the paged API and the data dump for the rest; their CSV/JSON downloads hold the same
/// rows. The curated registry is far below these limits, so its pages still show every value.
/// </summary>
public static class PortalLimits
{
    /// <summary>Rows per table on /indicators, /international and /programmes/{code} (and in their downloads).</summary>
    public const int TableRows = 200;

    /// <summary>Values read for a page's charts; series beyond it are left out whole (and the page says so), never cut.</summary>
    public const int ChartRows = 2_000;
}
