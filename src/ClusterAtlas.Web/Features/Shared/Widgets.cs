namespace ClusterAtlas.Web.Features.Shared;

// The JSON shapes of wwwroot/js/WIDGETS.md (serialised camelCase).

public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Data);

public sealed record ChartData(string Type, string Title, string? Unit, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

public sealed record MapPoint(string Code, string Name, double Lat, double Lon, string Href, string? Group);

/// <summary>GroupLabels names each point's group in the page language; with it the map colours by group and shows a legend.</summary>
public sealed record JapanMapData(IReadOnlyList<MapPoint> Points, IReadOnlyDictionary<string, string>? GroupLabels = null);

/// <summary>A link on the world map; Links is how many links the entry stands for (more than 1 when the map is drawn from counts).</summary>
public sealed record WorldLink(string? Country, string CountryName, string Region, string RegionHref, string? Partner, int Links = 1);

public sealed record WorldMapData(IReadOnlyList<WorldLink> Links);

public sealed record TimelineBar(int From, int To, string Label, string? Group);

public sealed record TimelineRow(string Label, string? Href, IReadOnlyList<TimelineBar> Bars);

public sealed record TimelineData(IReadOnlyList<TimelineRow> Rows, int Min, int Max);

public sealed record GraphNode(string Id, string Label, string Kind, string? Href);

public sealed record GraphEdge(string Source, string Target, string? Label);

public sealed record NetworkData(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
