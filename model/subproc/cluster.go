package subproc

// cluster joins the items that share a key (a name key or an organisation
// number) into clusters, transitively, and returns each cluster's item
// indexes in the order of its first item. keys(i) lists item i's keys.
func cluster(n int, keys func(i int) []string) [][]int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := map[string]int{} // key → first item with it
	for i := range n {
		for _, k := range keys(i) {
			if j, ok := first[k]; ok {
				parent[find(i)] = find(j)
			} else {
				first[k] = i
			}
		}
	}
	index := map[int]int{} // root → position in out
	var out [][]int
	for i := range n {
		r := find(i)
		pos, ok := index[r]
		if !ok {
			pos = len(out)
			index[r] = pos
			out = append(out, nil)
		}
		out[pos] = append(out[pos], i)
	}
	return out
}

// identityKeys are the keys two entries are one sub-processor by: the name
// ignoring case and legal form, and the organisation number when stated.
func identityKeys(name, org string) []string {
	keys := []string{"name:" + nameKey(name)}
	if k := orgKey(org); k != "" {
		keys = append(keys, "org:"+k)
	}
	return keys
}
