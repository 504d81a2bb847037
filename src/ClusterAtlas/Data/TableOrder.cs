using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Data;

/// <summary>Orders the mapped tables so that a table comes after every table it references.</summary>
public static class TableOrder
{
    public static IReadOnlyList<IEntityType> ParentsFirst(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned())
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType t)
        {
            if (ordered.Contains(t) || !visiting.Add(t))
            {
                return;
            }
            foreach (var fk in t.GetForeignKeys())
            {
                if (fk.PrincipalEntityType != t)
                {
                    Visit(fk.PrincipalEntityType);
                }
            }
            ordered.Add(t);
        }
        types.ForEach(Visit);
        return ordered;
    }

    public static IEnumerable<IEntityType> ChildrenFirst(IModel model) => ParentsFirst(model).Reverse();

    /// <summary>Quotes a table or column name; both providers use the SQL-standard double quote.</summary>
    public static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
