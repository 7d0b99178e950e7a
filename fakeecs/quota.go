package fakeecs

// SetQuotas changes the account's limits mid-test; zero fields take their
// defaults. What the fake already holds stays, even past a new limit.
func (f *Fake) SetQuotas(q Quotas) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cfg.quotas = q.withDefaults()
}

// Quotas returns the account's limits as the fake enforces them.
func (f *Fake) Quotas() Quotas {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cfg.quotas
}

// checkENIQuota refuses a new ENI when the region holds ENIsPerRegion
// ENIs already, primary ENIs aside.
func (f *Fake) checkENIQuota(region string) *Error {
	most := f.cfg.quotas.ENIsPerRegion
	if most == 0 {
		return nil
	}
	n := 0
	for _, e := range f.order {
		if e.RegionID == region && e.Type != TypePrimary {
			n++
		}
	}
	if n >= most {
		return apiErr("MaxEniCountExceeded", "The account holds %d ENIs "+
			"in region %s, its quota.", n, region)
	}
	return nil
}

// checkPrivateIPQuota refuses a call that leaves the region's ENIs
// holding more than PrivateIPs private IPv4 addresses. It runs after the
// call took its addresses; the call's failure gives them back.
func (f *Fake) checkPrivateIPQuota(region string, extra int) *Error {
	most := f.cfg.quotas.PrivateIPs
	if most == 0 {
		return nil
	}
	n := extra
	for _, e := range f.order {
		if e.RegionID == region {
			n += 1 + len(e.PrivateIPs) + 16*len(e.IPv4Prefixes)
		}
	}
	if n > most {
		return apiErr("QuotaExceeded.PrivateIpAddress", "The account's "+
			"ENIs would hold %d private IP addresses in region %s; its "+
			"quota is %d.", n, region, most)
	}
	return nil
}
