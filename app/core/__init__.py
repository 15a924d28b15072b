"""GUI-free provider layer: Xee, RUFUS and Zype clients, errors as data, validation.

Never imports Qt. Entry points: `xee.XeeAPI`, `rufus.RufusAPI`, `zype.ZypeAPI`,
`environments.api_root`, `validation.VALIDATORS`, `errors.ProviderError`.
"""
